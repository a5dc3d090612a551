import crypto from "node:crypto";

/** A fresh nonce for each response: 128 random bits, as CSP asks. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts run only from our own origin or with
 * this response's nonce (Remix's inline hydration and scroll scripts carry it), so markup that
 * slipped past the Markdown sanitizer still could not run script. Images may come from any
 * https host because authors link pictures in Markdown (the sanitizer allows only https there).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers that hold for every response, pages, files and API alike. */
export function securityHeaders({ nonce, production }: { nonce: string; production: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // Only where the site is served over TLS; on a developer's http://localhost it would stick.
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
