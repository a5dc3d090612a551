/**
 * Shows HTML made by renderMarkdown on the server, which has already sanitized it. Never pass
 * anything else here.
 */
export function Markdown({ html, className = "prose" }: { html: string; className?: string }) {
  if (!html) return null;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
