import { x } from "@familybank/domain-core"; console.log("ok", x);
