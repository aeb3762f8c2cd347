export * from "./auth";
export * from "./contacts";
export * from "./mail";
export * from "./events";
export * from "./interactions";
export * from "./successes";
export * from "./imports";
export * from "./journal";
