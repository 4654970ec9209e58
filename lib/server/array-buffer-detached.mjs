// Loaded into the Next.js process by the launcher (NODE_OPTIONS=--import). Node 20 has no
// ArrayBuffer.prototype.detached (Node 22 has), so React's development renderer logs "React encountered an
// empty buffer when writing in an environment that does not support ArrayBuffer.prototype.detached" whenever
// it writes an empty chunk. A detached buffer is the only one no view can be made on: this getter answers
// exactly what the native property does.
if (!Object.prototype.hasOwnProperty.call(ArrayBuffer.prototype, "detached")) {
  Object.defineProperty(ArrayBuffer.prototype, "detached", {
    configurable: true,
    get() {
      if (this.byteLength > 0) return false;
      try {
        new Uint8Array(this);
        return false;
      } catch {
        return true;
      }
    },
  });
}
