import * as dmUtils from "./dm-utils";

/*
* title : "root",
* inputType : "JSON",
*/
interface InputRoot {
    orderId: string
    customer: {
        firstName: string
        lastName: string
        email?: string
    }
    total: number
    express: boolean
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
    id: string
    customerName: string
    "customer-email"?: string
    amount: number
    priority: boolean
    idLength: number
}

/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: InputRoot): OutputRoot {
    return {
        id: input.orderId,
        customerName: input.customer.firstName + " " + input.customer.lastName,
        "customer-email": input.customer.email,
        amount: input.total * 1.2,
        priority: input.express,
        idLength: input.orderId.length
    }
}
