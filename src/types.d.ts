// esbuild bundles Markdown files as text (see esbuild.js).
declare module '*.md' {
  const text: string;
  export default text;
}

// The documentation page's field table, which esbuild.js parses at build time.
declare module 'field-docs:crmopportunity' {
  const fields: readonly import('./docs/fieldDocs').FieldDocJson[];
  export default fields;
}
