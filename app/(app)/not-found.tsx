// The signed-in area shows the same 404 as the rest of the site (inside its shell).
export { default } from "../not-found";
