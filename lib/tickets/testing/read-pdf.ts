// Test helper: opens a PDF with pdf-lib and returns, per page, the images drawn on it (decoded pixels as
// luminance, ready for the QR decoder) and the text it shows (pdf-lib writes text as hex strings).
import {
  DecodeHintType,
  BinaryBitmap,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from "pdf-lib";

export interface PdfImage {
  width: number;
  height: number;
  luminance: Uint8ClampedArray;
}

export interface PdfPage {
  images: PdfImage[];
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const images: PdfImage[] = [];
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const stream = rawStream(doc, ref);
      if (stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
      images.push(imageOf(stream));
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => rawStream(doc, ref))
        : contents
          ? [rawStream(doc, contents)]
          : [];
    const text = streams
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1"))
      .join("\n");
    const shown = [...text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) =>
      Buffer.from(match[1] ?? "", "hex").toString("latin1"),
    );
    return { images, text: shown.join("\n") };
  });
}

/** The stream a reference (or a direct object) points at; pdf-lib keeps loaded streams undecoded. */
function rawStream(doc: PDFDocument, ref: PDFObject): PDFRawStream {
  const object = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(object instanceof PDFRawStream)) throw new Error("expected a stream");
  return object;
}

function imageOf(stream: PDFRawStream): PdfImage {
  const width = stream.dict.lookup(PDFName.of("Width"), PDFNumber).asNumber();
  const height = stream.dict.lookup(PDFName.of("Height"), PDFNumber).asNumber();
  const space = stream.dict.get(PDFName.of("ColorSpace"));
  const channels = space === PDFName.of("DeviceRGB") ? 3 : space === PDFName.of("DeviceGray") ? 1 : 0;
  if (channels === 0) throw new Error(`unexpected colour space ${String(space)}`);
  const pixels = decodePDFRawStream(stream).decode();
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    luminance[i] =
      channels === 1
        ? (pixels[p] ?? 0)
        : ((pixels[p] ?? 0) * 299 + (pixels[p + 1] ?? 0) * 587 + (pixels[p + 2] ?? 0) * 114) / 1000;
  }
  return { width, height, luminance };
}

/** The text of the QR code in an image; throws when there is none. */
export function decodeQrImage({ width, height, luminance }: PdfImage): string {
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.PURE_BARCODE, true]]);
  return new QRCodeReader().decode(bitmap, hints).getText();
}
