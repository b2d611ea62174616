// esbuild bundles Markdown files as text (see esbuild.js).
declare module '*.md' {
  const text: string;
  export default text;
}
