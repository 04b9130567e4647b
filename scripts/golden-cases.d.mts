export declare const GOLDEN: readonly { readonly name: string; readonly args: string[] }[];
