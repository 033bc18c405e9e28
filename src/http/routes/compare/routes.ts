// Kept only for src/http/routes/exports, which another engineer is changing at the time of issue 19's move:
// new code imports peerSpecOf from ../structures/position. Remove this folder once exports imports from there.
export { peerSpecOf } from '../structures/position';
