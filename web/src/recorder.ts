/**
 * The microphone side of "Answer out loud", loaded only when the user asks for it: asks for the
 * microphone, measures its loudness every 10 ms in an AudioWorklet (web/public/level-worklet.js)
 * and, only when the user chose to keep the recording, records it with MediaRecorder. Nothing
 * leaves the browser here: the page sends the figures measured from the levels, and the
 * recording itself only when it is kept.
 */
import { FRAME_MS } from "../../src/core/delivery/measure.ts";

export interface Recording {
  /** Level of each 10 ms frame since the start, in dBFS. */
  levels: number[];
  frameMs: number;
  /** The recording, when it was kept. */
  audio?: Blob;
}

export interface Recorder {
  /** Levels so far (the live array: read, don't keep). */
  levels: number[];
  /** Ends the recording and releases the microphone. */
  stop: () => Promise<Recording>;
}

/** Why the microphone could not be used, in words a user can act on. */
export class MicrophoneError extends Error {
  override name = "MicrophoneError";
}

function microphoneProblem(error: unknown): MicrophoneError {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError")
    return new MicrophoneError(
      "The microphone was refused. Allow it for this page in the browser's site settings to answer out loud, or type your answer.",
    );
  if (name === "NotFoundError" || name === "OverconstrainedError")
    return new MicrophoneError(
      "No microphone was found. Plug one in to answer out loud, or type your answer.",
    );
  if (name === "NotReadableError")
    return new MicrophoneError(
      "The microphone is busy in another application. Close it there to answer out loud, or type your answer.",
    );
  return new MicrophoneError(
    `The microphone could not be started (${error instanceof Error ? error.message : String(error)}). Type your answer instead.`,
  );
}

function recorderType(): string | undefined {
  for (const type of ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"]) {
    if (typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(type)) return type;
  }
  return undefined;
}

/**
 * Asks for the microphone (the browser's permission prompt appears now, not before) and starts
 * measuring; `onLevels` gets each batch of new frame levels (ten per 100 ms).
 * @example const recorder = await startRecorder({ keep: false, onLevels: (l) => meter(l.at(-1)) });
 */
export async function startRecorder(options: {
  keep: boolean;
  onLevels: (levels: number[]) => void;
}): Promise<Recorder> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === "undefined") {
    throw new MicrophoneError(
      "This browser offers no microphone to this page. Use a current Chrome, Edge or Firefox on localhost, or type your answer.",
    );
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (error) {
    throw microphoneProblem(error);
  }
  const context = new AudioContext();
  const release = (): void => {
    for (const track of stream.getTracks()) track.stop();
    void context.close().catch(() => undefined);
  };
  try {
    await context.audioWorklet.addModule("/level-worklet.js");
  } catch (error) {
    release();
    throw new MicrophoneError(
      `The level meter could not start (${error instanceof Error ? error.message : String(error)}). Type your answer instead.`,
    );
  }
  const source = context.createMediaStreamSource(stream);
  const meter = new AudioWorkletNode(context, "derisk-level", { numberOfOutputs: 0 });
  const levels: number[] = [];
  meter.port.onmessage = (event: MessageEvent<number[]>) => {
    levels.push(...event.data);
    options.onLevels(event.data);
  };
  source.connect(meter);
  if (context.state === "suspended") await context.resume();

  const type = options.keep ? recorderType() : undefined;
  const chunks: Blob[] = [];
  const media = type === undefined ? undefined : new MediaRecorder(stream, { mimeType: type });
  if (media) {
    media.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    media.start(1000);
  }

  return {
    levels,
    stop: async () => {
      if (media && media.state !== "inactive") {
        await new Promise<void>((resolve) => {
          media.onstop = () => resolve();
          media.stop();
        });
      }
      source.disconnect();
      meter.port.onmessage = null;
      release();
      const audio = media && chunks.length > 0 ? new Blob(chunks, { type: media.mimeType }) : undefined;
      return { levels: [...levels], frameMs: FRAME_MS, ...(audio === undefined ? {} : { audio }) };
    },
  };
}
