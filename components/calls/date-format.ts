import { dateTimeFormat } from "../date-format";

/** The call log shows times like every other page. */
export const callTimeFormat = dateTimeFormat;
