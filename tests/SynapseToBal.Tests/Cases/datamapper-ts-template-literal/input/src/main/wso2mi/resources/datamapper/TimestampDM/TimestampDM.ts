import * as dmUtils from "./dm-utils";

/*
* title : "root",
* inputType : "JSON",
*/
interface Root {
orderId: string
orderDate: string
orderTime: string
zone?: string
total: number
customer: {
name: string
}
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
orderTimeStamp: string
label: string
reference: string
plain: string
zoned: string
totalText: string
}

/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: Root): OutputRoot {
    return {
        orderTimeStamp: `${input.orderDate} ${input.orderTime}`,
        label: `Order ${input.orderId} for ${input.customer.name.toUpperCase()}`,
        reference: `${input.orderId}`,
        plain: `no substitution`,
        zoned: `${input.orderTime} ${input.zone}`,
        totalText: `${input.total} EUR`
    };
}
