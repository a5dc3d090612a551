/**
 * Shows HTML made by renderMarkdown on the server, which has already sanitized it. Never pass
 * anything else here.
 */
export function Markdown({ html, lang, className = "prose" }: { html: string; lang?: string; className?: string }) {
  if (!html) return null;
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
