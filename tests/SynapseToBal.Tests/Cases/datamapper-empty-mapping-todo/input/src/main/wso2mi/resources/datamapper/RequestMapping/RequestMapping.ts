/*
* title : "root",
* inputType : "JSON",
*/
interface Root {
    name: string
}

/*
* title : "root",
* outputType : "JSON",
*/
interface OutputRoot {
    patient: {
        name: string
    }
}

/**
 * functionName : map_S_root_S_root
 * inputVariable : inputroot
*/
export function mapFunction(input: Root): OutputRoot {
    const name = input.name;
    return {
        patient: {
            name: name
        }
    }
}
