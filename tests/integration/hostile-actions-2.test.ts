import { hostileActionsSuite } from "../helpers/hostile-actions";

// Half of the server actions (tests/helpers/hostile-actions.ts says what each must withstand).
await hostileActionsSuite(2, 2);
