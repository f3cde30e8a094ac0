import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/contract/note-schemas';

export interface SnippetPart {
  text: string;
  /** A matched term, shown highlighted. */
  marked: boolean;
}

/**
 * A search snippet as plain and highlighted pieces: the service wraps each matched term
 * between two control characters nobody types, so the text is split on them and never
 * read as HTML. A mark left open (the snippet was cut) runs to the end.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  const [before = '', ...rest] = snippet.split(SNIPPET_MARK_START);
  push(before.split(SNIPPET_MARK_END).join(''), false);
  for (const piece of rest) {
    const end = piece.indexOf(SNIPPET_MARK_END);
    if (end === -1) {
      push(piece, true);
      continue;
    }
    push(piece.slice(0, end), true);
    push(piece.slice(end + 1).split(SNIPPET_MARK_END).join(''), false);
  }
  return parts;
}
