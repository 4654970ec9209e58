import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { renderEmail } from "@/lib/email/render-email";

const link = "https://tickets.example.com/api/auth/callback/email?token=s3cret&email=ana%40example.com";

describe("renderEmail", () => {
  it("renders the magic link as a button and as text, in HTML and plain text", async () => {
    const email = await renderEmail("magic-link", { url: link, expiresInMinutes: 15 });
    expect(email.subject).toBe("Sign in to Stagedoor");
    // HTML escapes the `&` in attributes and text; the escaped link is there twice (button + written out).
    const escaped = link.replace(/&/g, "&amp;");
    expect(email.html.split(`href="${escaped}"`).length - 1).toBe(2);
    expect(email.html).toContain("Stagedoor");
    expect(email.html).toContain("Sign in to Stagedoor");
    expect(email.text).toContain(link);
    expect(email.text).toContain("This link expires in 15 minutes");
    expect(email.text).toContain("If you did not ask to sign in, you can safely ignore this email.");
    expect(email.text).not.toContain("<");
  });

  it("puts the frame's test-mode line first in the HTML and the plain text, and nothing without it", async () => {
    const notice = "Test mode: payments are simulated and no real money moves.";
    const props = {
      url: "https://x.test/i",
      organizerName: "The Blue Room",
      role: "scanner",
      inviterEmail: "a@b.test",
    } as const;
    const marked = await renderEmail("organizer-invite", props, { testModeNotice: notice });
    expect(marked.text.trimStart().startsWith(notice)).toBe(true);
    expect(marked.html).toContain(`>${notice}</p>`);
    const plain = await renderEmail("organizer-invite", props);
    expect(plain.text).not.toContain("Test mode");
    expect(plain.html).not.toContain("Test mode");
  });

  it("uses the expiry it is given", async () => {
    const email = await renderEmail("magic-link", { url: link, expiresInMinutes: 1 });
    expect(email.text).toContain("expires in 1 minute.");
  });

  it("renders an organizer invite with the organizer, role, inviter and link", async () => {
    const url = "https://tickets.example.com/tickets/invite/abc";
    const email = await renderEmail("organizer-invite", {
      url,
      organizerName: "The Blue Room",
      role: "scanner",
      inviterEmail: "owner@blueroom.test",
    });
    expect(email.subject).toBe("You're invited to join The Blue Room on Stagedoor");
    expect(email.text).toContain("owner@blueroom.test invited you to help run The Blue Room as a scanner");
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url}"`);
  });

  it("keeps user-entered text from breaking the subject header", async () => {
    const email = await renderEmail("organizer-invite", {
      url: "https://x.test/i",
      organizerName: "Evil\r\nBcc: victim@example.com",
      role: "manager",
      inviterEmail: "a@b.test",
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe("You're invited to join Evil Bcc: victim@example.com on Stagedoor");
  });

  it("escapes user-entered text in the HTML", async () => {
    const email = await renderEmail("organizer-invite", {
      url: "https://x.test/i",
      organizerName: "<script>alert(1)</script>",
      role: "owner",
      inviterEmail: "a@b.test",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("rejects props that fail the template's schema with a validation error naming the field", async () => {
    const attempt = renderEmail("magic-link", { url: "javascript:alert(1)", expiresInMinutes: 15 });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "validation", fields: [{ field: "url" }] });
    await expect(
      renderEmail("organizer-invite", {
        url: "https://x.test",
        organizerName: "X",
        role: "admin" as never,
        inviterEmail: "a@b.test",
      }),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "role" }] });
  });
});
