/** NEXTAUTH_SECRET signs and encrypts session tokens; scripts/setup-and-start.sh writes one to .env.local. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("NEXTAUTH_SECRET is missing or shorter than 32 characters (run `npm run setup` to generate one)");
  }
  return secret;
}
