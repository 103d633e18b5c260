/**
 * Transcription of spoken answers, behind one small interface so an offline recogniser can be
 * plugged in later. derisk ships none: no offline speech model can be installed from the
 * package registries (docs/user-guide.md, "Answering out loud"), and no provider that sends audio
 * to a network service is ever the default. With the default ("none") the user types a short
 * summary or pastes a transcript, and the lens reads that.
 */

/** What the practice page says about transcription, from the provider in use. */
export interface TranscriptionInfo {
  provider: string;
  /** True when recordings can be turned into text on this machine. */
  available: boolean;
  /** One sentence for the user. */
  message: string;
}

export interface TranscriptionProvider {
  /** Short stable id ("none", "whisper-cpp"…). */
  id: string;
  /** False for "none": the app then never calls `transcribe`. */
  available: boolean;
  /** True only for a provider that runs on this machine; derisk refuses any other by default. */
  offline: boolean;
  message: string;
  /**
   * The words of a recording (lower case, unpunctuated is fine: the lens reads transcripts).
   * @example await provider.transcribe({ bytes, mediaType: "audio/webm" }) // "i traced the outage to…"
   */
  transcribe(audio: { bytes: Uint8Array; mediaType: string }): Promise<string>;
}

/** The default: no recogniser on this machine. */
export const NO_TRANSCRIPTION: TranscriptionProvider = {
  id: "none",
  available: false,
  offline: true,
  message:
    "derisk has no offline speech recogniser on this machine; type a short summary or paste a transcript to have the answer read by the lens.",
  transcribe: async () => "",
};

/**
 * The provider a use case should call: the one given when it runs offline, "none" otherwise
 * (a provider that would send audio away is never picked up implicitly).
 * @example const provider = transcriptionProvider(options.transcription); provider.id // "none"
 */
export function transcriptionProvider(given?: TranscriptionProvider): TranscriptionProvider {
  return given !== undefined && given.offline ? given : NO_TRANSCRIPTION;
}

/**
 * What the UI says about transcription.
 * @example transcriptionInfo().available // false
 */
export function transcriptionInfo(given?: TranscriptionProvider): TranscriptionInfo {
  const provider = transcriptionProvider(given);
  return { provider: provider.id, available: provider.available, message: provider.message };
}
