import * as dmUtils from "./dm-utils";
declare var DM_PROPERTIES: any;

/*
 * title : "root",
 * inputType : "JSON",
 */
interface Root {
    items: {
        title: string;
    }[];
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
    data: unknown
}

/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: Root): OutputRoot {
    return {
        data: input.items
    }
}
