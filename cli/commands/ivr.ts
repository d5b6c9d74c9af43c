// `twin ivr <msisdn> <number> [keys]`: call 111, 1112163 or 0890, press keys and print what the
// voice said (e.g. `twin ivr 79160000001 111 11` is the balance).
import { defineCommand } from "citty"
import { HANDSET_ARGS, withHandset } from "../handset.ts"

export default defineCommand({
  meta: {
    name: "ivr",
    description: "Позвонить на 111 или 0890, нажать клавиши и вывести то, что произнес автоинформатор",
  },
  args: {
    msisdn: { type: "positional", description: "Calling number, e.g. 79160000001", required: true },
    number: { type: "positional", description: "111, 1112163 or 0890", required: true },
    keys: { type: "positional", description: "DTMF keys, e.g. 11 (digits, * and #)", required: false },
    ...HANDSET_ARGS,
  },
  run: ({ args }) =>
    withHandset(
      args,
      (drv) => drv.ivrCall(args.msisdn, args.number, typeof args.keys === "string" ? args.keys : ""),
      (r) => {
        console.log(r.text)
        if (r.end) console.log("[звонок завершен]")
      },
    ),
})
