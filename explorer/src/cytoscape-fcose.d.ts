// cytoscape-fcose ships no type declarations; it is a Cytoscape extension, registered with cytoscape.use.
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
