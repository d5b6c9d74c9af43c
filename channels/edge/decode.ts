// Decoding request inputs (JSON bodies, HTML forms, telephony fields) at the edge: one strict
// Effect Schema decoder for every channel (core/domain/decode.ts): unknown or extra fields are
// refused and the error names the field from the schema's issue path.
export { decodeError, decodeStrict, issueOf } from "../../core/domain/decode.ts"
