/*
 * The microphone's loudness, measured on the audio thread: the mean square of every 10 ms of
 * samples, in dBFS, posted to the page ten frames at a time. Only these levels leave the audio
 * thread; derisk measures delivery from them (src/core/delivery) and never sends audio anywhere.
 * Plain JavaScript in web/public: an AudioWorklet module is loaded by URL from our own origin,
 * so the Content-Security-Policy needs no blob: or inline source.
 */
const SILENCE_DB = -120;

class LevelProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frameSize = Math.round(sampleRate / 100);
    this.sum = 0;
    this.count = 0;
    this.batch = [];
  }

  process(inputs) {
    const channel = inputs[0]?.[0];
    // No input yet (the track is starting): nothing to measure, keep the node alive.
    if (channel === undefined) return true;
    for (let i = 0; i < channel.length; i++) {
      const s = channel[i];
      this.sum += s * s;
      this.count += 1;
      if (this.count === this.frameSize) {
        const meanSquare = this.sum / this.count;
        this.batch.push(meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB);
        this.sum = 0;
        this.count = 0;
        if (this.batch.length === 10) {
          this.port.postMessage(this.batch);
          this.batch = [];
        }
      }
    }
    return true;
  }
}

registerProcessor("derisk-level", LevelProcessor);
