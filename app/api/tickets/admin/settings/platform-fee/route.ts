import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { platformFeeSchema } from "@/lib/money/schemas";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { updatePlatformFee } from "@/lib/platform/update-platform-fee";

export const GET = withAdmin(async () => ({ platformFee: await getPlatformFee("usd") }));

export const PUT = withAdmin(async (request, { user }) => ({
  platformFee: await updatePlatformFee(user.id, await readJson(request, platformFeeSchema)),
}));
