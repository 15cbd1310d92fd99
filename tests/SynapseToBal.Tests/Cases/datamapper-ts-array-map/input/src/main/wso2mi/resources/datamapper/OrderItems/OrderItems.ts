import * as dmUtils from "./dm-utils";

/*
* title : "root",
* inputType : "JSON",
*/
interface Root {
orderId: string
items: {
productId: string
name: string
quantity: number
note?: string
}[]
gifts?: {
code: string
label: string
}[]
tags: {
value: string
}[]
lines: {
sku: string
text: string
}[]
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
orderId: string
items: {
productId: string
name: string
note?: string
}[]
gifts: {
code: string
label: string
}[]
tagValues: string[]
lines: {
sku: string
text: string
}[]
}

/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: Root): OutputRoot {
    return {
        orderId: input.orderId,
        items: input.items.map(item => {
            return {
                productId: item.productId,
                name: item.name.toUpperCase(),
                note: item.note
            };
        }),
        gifts: input.gifts.map((gift) => ({
            code: gift.code,
            label: "gift " + gift.label
        })),
        tagValues: input.tags.map(function (tag) { return tag.value.trim(); }),
        lines: input.lines.map((line: any) => {
            return {
                sku: line.sku,
                text: dmUtils.concat(line.sku, " ", line.text)
            };
        })
    };
}
