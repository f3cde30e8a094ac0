import type { ReactElement } from 'react';
import type { LetterBlock } from '../../shared/domain/referral-letter-text';

/** The letter's blocks as the PDF lays them out: the same words, in the same order, on a page-like sheet. */
export function LetterPreview({ blocks }: { blocks: readonly LetterBlock[] }) {
  const parts: ReactElement[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    parts.push(
      <ul key={`list-${parts.length}`} className="letter-preview__list">
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>,
    );
    items = [];
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'item') {
      items.push(block.text);
      return;
    }
    flush();
    if (block.kind === 'heading') {
      parts.push(
        <p key={index} className={index === 0 ? 'letter-preview__clinic' : 'letter-preview__heading'}>
          {block.text}
        </p>,
      );
    } else {
      parts.push(<p key={index}>{block.text}</p>);
    }
  });
  flush();
  return (
    <div className="letter-preview" data-testid="letter-preview">
      {parts}
    </div>
  );
}
