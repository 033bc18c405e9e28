// pdfmake 0.3 ships no types: src/reports/pdf.ts narrows the default export to the part it uses.
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}
