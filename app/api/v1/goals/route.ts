import { serveOperation } from "@/lib/api/serve";
import { createGoal, listGoals } from "@/lib/api/v1/goals";

export const GET = serveOperation(listGoals);
export const POST = serveOperation(createGoal);
