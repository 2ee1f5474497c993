/** Compile-time edits of FEEL text, applied in one pass. */

/** A stretch of text. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Replace `from..to` of the source (empty for an insertion) by `text`. */
export interface Edit extends Span {
  readonly text: string;
  /** Warnings raised inside the replacement are expected and must not be reported. */
  readonly quiet: boolean;
}

export interface EditedText {
  readonly text: string;
  /** Where the quiet replacements stand in the edited text. */
  readonly quietSpans: readonly Span[];
}

/** Edits must not overlap; an insertion may touch a replacement on either side. */
export function applyEdits(source: string, edits: readonly Edit[]): EditedText {
  // At equal starts an insertion goes first: it belongs before the replacement starting there.
  const ordered = [...edits].sort((a, b) => a.from - b.from || a.to - a.from - (b.to - b.from));
  let text = '';
  let copied = 0;
  const quietSpans: Span[] = [];
  for (const edit of ordered) {
    text += source.slice(copied, edit.from);
    if (edit.quiet) quietSpans.push({ from: text.length, to: text.length + edit.text.length });
    text += edit.text;
    copied = edit.to;
  }
  return { text: text + source.slice(copied), quietSpans };
}
