"use client";
// Camera scanning with @zxing/browser: back camera, continuous decoding, torch toggle where supported.
import { useEffect, useRef, useState } from "react";
import type { IScannerControls } from "@zxing/browser";

export function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const handler = useRef(onCode);
  const [error, setError] = useState<string | null>(null);
  const [torch, setTorch] = useState<boolean | null>(null);

  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    (async () => {
      try {
        const { BrowserQRCodeReader } = await import("@zxing/browser");
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
        const el = video.current;
        if (!el || stopped) return;
        const c = await reader.decodeFromConstraints(
          { video: { facingMode: { ideal: "environment" } }, audio: false },
          el,
          (result) => {
            if (result) handler.current(result.getText());
          },
        );
        if (stopped) {
          c.stop();
          return;
        }
        controls.current = c;
        if (c.switchTorch) setTorch(false);
      } catch (e) {
        setError(
          e instanceof Error && e.name === "NotAllowedError"
            ? "Camera permission was refused. Allow the camera, or enter codes by hand."
            : "No camera available. Enter codes by hand.",
        );
      }
    })();
    return () => {
      stopped = true;
      controls.current?.stop();
      controls.current = null;
    };
  }, []);

  async function toggleTorch() {
    const c = controls.current;
    if (!c?.switchTorch || torch === null) return;
    try {
      await c.switchTorch(!torch);
      setTorch(!torch);
    } catch {
      setTorch(null);
    }
  }

  return (
    <div className="ci-camera">
      <video ref={video} muted playsInline aria-label="Camera" />
      {error ? <p className="ci-error">{error}</p> : null}
      {torch !== null ? (
        <button type="button" className="ci-button ci-secondary" onClick={toggleTorch} aria-pressed={torch}>
          {torch ? "Torch off" : "Torch on"}
        </button>
      ) : null}
    </div>
  );
}
