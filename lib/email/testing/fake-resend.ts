// Test helper: a local HTTP endpoint that answers like Resend's API (POST /emails).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeResend {
  url: string;
  requests: CapturedRequest[];
  /** What the next requests get; defaults to 200 `{ id: "re_test_<n>" }`. */
  respondWith(status: number, body: object): void;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const requests: CapturedRequest[] = [];
  let reply: { status: number; body: object } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      const { status, body } = reply ?? { status: 200, body: { id: `re_test_${requests.length}` } };
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(status, body) {
      reply = { status, body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
