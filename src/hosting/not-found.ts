/** What every host glue answers for a query or API path this snapshot does not hold: JSON, never the HTML 404 page. */
export const NOT_FOUND_JSON = `${JSON.stringify({ code: 404, message: "not in this snapshot" })}\n`;
