// QR images of ticket codes: error correction M, a 2-module quiet zone. A 119-character code fits a
// version 7 symbol (45 modules); PNGs are drawn at 8 px per module (392 px), sharp on a phone screen.
import QRCode from "qrcode";

export type QrFormat = "png" | "svg";

const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;
const PNG_SCALE = 8;

export async function renderTicketQrPng(secret: string): Promise<Buffer> {
  return QRCode.toBuffer(secret, { ...QR_OPTIONS, type: "png", scale: PNG_SCALE });
}

export async function renderTicketQrSvg(secret: string): Promise<string> {
  return QRCode.toString(secret, { ...QR_OPTIONS, type: "svg" });
}
