// The API's default name, from the spec's title: an identifier every generated name is
// built on (create{N}Client), so it must be one whatever the title holds.

import { describe, expect, it } from "vitest";
import { API_NAME_PATTERN } from "../../generator/config-file.js";
import { apiNameFromTitle } from "../../generator/model/names.js";

describe("apiNameFromTitle", () => {
  it.each([
    ["Polar API", "Polar"],
    ["Petstore API", "Petstore"],
    ["Acme Billing API", "AcmeBilling"],
    ["Open Weather Service", "OpenWeatherService"],
    ["Swagger Petstore - OpenAPI 3.0", "SwaggerPetstoreOpenAPI30"],
    ["petstore", "Petstore"],
    ["pet-store api", "PetStore"],
    ["Café Órders API", "CafeOrders"],
    ["API", "API"],
    ["", "Api"],
    ["日本の API", "API"],
    ["3D Printing API", "Api3DPrinting"],
    ["REST api v2", "RESTApiV2"],
    ["*/ Evil\n title API", "EvilTitle"],
  ])("%j → %s", (title, name) => {
    expect(apiNameFromTitle(title)).toBe(name);
  });

  it("always gives a name --name would accept", () => {
    for (const title of ["", " ", "---", "123", "_", "ÿ", "\u202e", "a b c", "__proto__", "constructor API"]) {
      expect(apiNameFromTitle(title)).toMatch(API_NAME_PATTERN);
    }
  });
});
