/** First Stasis argument of a designer test call: Stasis(<app>,test,<TestCallPlan id>). */
export const TEST_CALL_ARG = "test";
