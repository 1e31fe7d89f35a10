// Large data for a client component travels as one JSON string. React's flight data carries a
// string as it is; objects and arrays would be encoded value by value on the server and revived
// value by value for server rendering and in the browser (hundreds of cards: several ms a page).
// Only for plain JSON data: strings, numbers, booleans, null, arrays and objects of them.

/** A JSON string that remembers the type it holds. */
export type JsonProp<T> = string & { readonly __holds?: T }

export const toJsonProp = <T>(value: T): JsonProp<T> => JSON.stringify(value) as JsonProp<T>

export const fromJsonProp = <T>(json: JsonProp<T>): T => JSON.parse(json) as T
