/** Delivery of spoken answers, measured from the audio (see measure.ts for the definitions). */

export { describeDelivery } from "./describe.ts";
export {
  checkDelivery,
  type DeliveryInput,
  deliveryInput,
  MAX_RECORDING_MS,
} from "./figures.ts";
export {
  type Delivery,
  FRAME_MS,
  frameLevels,
  levelOf,
  type MeasureOptions,
  measureDelivery,
  PAUSE_MIN_MS,
  SILENCE_DB,
  SPEECH_FLOOR_DB,
  type SpeechOptions,
  type SpeechSpan,
  speechSpans,
  speechThreshold,
} from "./measure.ts";
