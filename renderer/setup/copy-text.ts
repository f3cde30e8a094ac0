/** Copies text to the clipboard; falls back to a selection copy where the async API is refused. */
export async function copyText(text: string, fallbackElement: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackElement) return false;
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(fallbackElement);
    selection?.removeAllRanges();
    selection?.addRange(range);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      // Not left selected: on Linux a selection is itself a clipboard (the primary selection).
      selection?.removeAllRanges();
    }
  }
}
