import * as dmUtils from "./dm-utils";

/*
 * title : "root",
 * inputType : "JSON",
 */
interface Root {
    order: {
        product: string;
        quantity: number;
        weight?: number;
        count: number;
        address: string;
    };
}

/*
 * title : "order",
 * outputType : "XML",
 */
interface Order {
    product: string;
    quantity: number;
    count: number;
    address: string;
    weight?: number;
}

/**
 * functionName : map_S_root_S_order
 * inputVariable : inputroot
 */
export function mapFunction(input: Root): Order {
    return {
        product: input.order.product,
        quantity: input.order.quantity,
        count: input.order.count,
        address: input.order.address,
        weight: input.order.weight
    };
}
