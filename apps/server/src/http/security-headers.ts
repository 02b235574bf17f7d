import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. Both front ends are built bundles with no inline
 * script or style (React sets styles through the DOM, which CSP allows), so nothing inline is
 * allowed: an injected `<script>` — an agent named `<script>…` that some screen forgot to escape —
 * cannot run. Map tiles come from OpenStreetMap's tile server (the site map of the back-office).
 * `frame-ancestors 'none'`: no other site may frame the back-office (clickjacking).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI (/api/docs) sets a few inline styles; its page shows no user data, and its scripts
 * stay as strict as everywhere else.
 */
const apiDocsContentSecurityPolicy = contentSecurityPolicy.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

// Geolocation is the agent app's own use; nothing else may ask for sensors.
const permissionsPolicy = 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()';

/**
 * Security headers on every answer. HSTS only when ciao is served over HTTPS (`PUBLIC_URL`
 * https://…, or the request came through a trusted proxy as HTTPS): sent over plain HTTP it would
 * lock a self-hosted install out of its own address.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { httpsPublicUrl: boolean }) {
  app.addHook('onSend', async (request, reply) => {
    reply.header(
      'Content-Security-Policy',
      request.url.startsWith('/api/docs') ? apiDocsContentSecurityPolicy : contentSecurityPolicy,
    );
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    reply.header('Permissions-Policy', permissionsPolicy);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.httpsPublicUrl || request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  });
}
