// swagger-ui-dist ships no types. Its index.js would also load the whole browser bundle into Node.
declare module 'swagger-ui-dist/absolute-path.js' {
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
