import { apiRoute } from "@/lib/http/route";
import { getUpload } from "@/lib/storage/get-upload";

/** GET (public) → an uploaded image. Keys are random and never reused, so responses are immutable. */
export const GET = apiRoute<{ key: string[] }>(async (_request, context) => {
  const { key } = await context.params;
  const object = await getUpload(key.join("/"));
  return new Response(object.bytes.slice(), {
    headers: {
      "content-type": object.contentType,
      "content-length": String(object.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
});
