import { snippetParts } from './snippet';

/** A hit's surrounding text with the matched words in <mark> (text nodes only, never HTML). */
export function Snippet({ text }: { text: string }) {
  return (
    <p className="search-hit__snippet" data-testid="search-snippet">
      {snippetParts(text).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  );
}
