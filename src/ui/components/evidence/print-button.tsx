/** The browser's print, which also saves a PDF. Hidden on paper. */
export function PrintButton() {
  return (
    <button type="button" className="button evidence-print" onClick={() => window.print()}>
      Print this page
    </button>
  );
}
