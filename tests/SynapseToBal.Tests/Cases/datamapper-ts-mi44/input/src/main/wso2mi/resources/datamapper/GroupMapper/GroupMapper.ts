import * as dmUtils from "./dm-utils";
declare var DM_PROPERTIES: any;

/*
 * title : "root",
 * inputType : "JSON",
 */
interface Root {
    status: string;
    data: {
        code: string;
        name: string;
        metadata: {
            description: string;
            website: string;
        };
    };
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
    status: string
    data: {
        code: string
        name: string
        description: string
        website: string
    }
}



/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: Root): OutputRoot {
    return {
        status: input.status,
        data: {
            code: input.data.code,
            name: input.data.name,
            description: input.data.metadata.description,
            website: input.data.metadata.website
        }
    }
}
