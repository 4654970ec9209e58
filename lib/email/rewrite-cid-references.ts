/**
 * Points `cid:` references (inline images) in an email's HTML at URLs the browser can load, for previews.
 * `urlFor(index)` gives the address of attachment number `index`; unknown cids are left as they are.
 */
export function rewriteCidReferences(
  html: string,
  attachments: readonly { cid?: string | undefined }[],
  urlFor: (index: number) => string,
): string {
  const byCid = new Map<string, number>();
  attachments.forEach((a, index) => {
    if (a.cid && !byCid.has(a.cid.toLowerCase())) byCid.set(a.cid.toLowerCase(), index);
  });
  if (byCid.size === 0) return html;
  return html.replace(/cid:([^"'\s)>]+)/gi, (match, cid: string) => {
    const index = byCid.get(cid.replace(/^<|>$/g, "").toLowerCase());
    return index === undefined ? match : urlFor(index);
  });
}
