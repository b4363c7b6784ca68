import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { screenEmailSignIn } from "@/lib/auth/sign-in-requests";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

export const GET = handler;

export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    const refused = await screenEmailSignIn(request);
    if (refused) return refused;
  }
  return handler(request, context);
}
