/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The logged-in user, when the session cookie is valid. */
    user?: import('./server/db/schema.ts').User;
    /** The session cookie's token, kept to regenerate or end the session. */
    sessionToken?: string;
  }
}
