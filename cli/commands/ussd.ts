// `twin ussd <msisdn> <code> [--db FILE] [--twin ID]`: dial a USSD code (chained codes like
// *111*2*5# answer the menu) and print the handset's screen.
import { defineCommand } from "citty"
import { HANDSET_ARGS, withHandset } from "../handset.ts"

export default defineCommand({
  meta: { name: "ussd", description: "Набрать USSD-команду (*100#, *111*2*5#) и показать экран телефона" },
  args: {
    msisdn: { type: "positional", description: "Calling number, e.g. 79160000001", required: true },
    code: { type: "positional", description: "USSD code, e.g. *100# (quote it in the shell)", required: true },
    ...HANDSET_ARGS,
  },
  run: ({ args }) =>
    withHandset(
      args,
      (drv) => drv.ussdDial(args.msisdn, args.code),
      (r) => console.log(r.text),
    ),
})
